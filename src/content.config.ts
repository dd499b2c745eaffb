// The course as Astro content collections over content/: a module is a folder
// with module.json, a lesson is a sub-folder with index.mdx. The schemas are
// the contract with instructors: a lesson that breaks them fails the build,
// and Astro names the file and the field.

import { defineCollection, z } from "astro:content";
import { glob } from "astro/loaders";

const fileName = z.string().regex(/^[A-Za-z0-9_.-]+\.tsx?$/, "must be a flat file name ending in .ts, e.g. limit.ts");

export const exerciseSchema = z
  .object({
    files: z.array(fileName).min(1).optional(),
    readonly: z.array(fileName).default([]),
    timeoutMs: z.number().int().min(500).max(60_000).default(5000),
    hints: z.record(z.string().min(1), z.string().min(1)).default({}),
    handler: z
      .object({ file: fileName, export: z.string().regex(/^[A-Za-z_$][\w$]*$/) })
      .strict()
      .optional(),
  })
  .strict();

const lessons = defineCollection({
  loader: glob({ pattern: "*/*/index.mdx", base: "./content" }),
  schema: z
    .object({
      title: z.string().min(1),
      summary: z.string().min(1),
      objectives: z.array(z.string().min(1)).min(1),
      minutes: z.number().int().positive(),
      order: z.number().int(),
      exercise: exerciseSchema.optional(),
    })
    .strict(),
});

const modules = defineCollection({
  loader: glob({ pattern: "*/module.json", base: "./content" }),
  schema: z.object({ title: z.string().min(1), order: z.number().int(), summary: z.string().min(1) }).strict(),
});

export const collections = { lessons, modules };
