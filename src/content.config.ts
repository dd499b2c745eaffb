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

// A quiz ends a lesson: multiple-choice questions, one correct choice each,
// an explanation for every choice. A question may show a complete Go program
// ("what does this print / does it deadlock?"); `prints` and `crashes` state
// what it does, and check-lessons runs it with Go to prove the answer.
const quizChoice = z
  .object({
    text: z.string().min(1),
    correct: z.boolean().default(false),
    why: z.string().min(1),
  })
  .strict();

export const quizQuestionSchema = z
  .object({
    question: z.string().min(1),
    code: z.string().min(1).optional(),
    prints: z.string().optional(),
    crashes: z.enum(["deadlock", "panic"]).optional(),
    choices: z
      .array(quizChoice)
      .min(2)
      .max(6)
      .refine((cs) => cs.filter((c) => c.correct).length === 1, "exactly one choice must have correct: true"),
  })
  .strict()
  .refine((q) => q.code !== undefined || (q.prints === undefined && q.crashes === undefined), {
    message: "prints and crashes describe `code`; add the program or remove them",
  });

// The English source. The glob names index.mdx exactly, so translations
// (index.zh-cn.mdx) beside it are not lessons of their own.
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
      quiz: z.array(quizQuestionSchema).min(3).max(8).optional(),
    })
    .strict(),
});

const modules = defineCollection({
  loader: glob({ pattern: "*/module.json", base: "./content" }),
  schema: z.object({ title: z.string().min(1), order: z.number().int(), summary: z.string().min(1) }).strict(),
});

// A lesson's Chinese translation (src/i18n/lesson-translation.ts says what it
// must cover): only the fields a learner reads; minutes, order and the
// exercise come from English. Hints and test texts are keyed by English names.
const text = z.string().min(1);
const lessonTranslations = defineCollection({
  loader: glob({ pattern: "*/*/index.zh-cn.mdx", base: "./content" }),
  schema: z
    .object({
      title: text,
      summary: text,
      objectives: z.array(text).min(1),
      hints: z.record(text, text).default({}),
      quiz: z.array(quizQuestionSchema).min(3).max(8).optional(),
      tests: z.record(text, text).default({}),
      messages: z.record(text, text).default({}),
      values: z.record(text, text).default({}),
    })
    .strict(),
});

const moduleTranslations = defineCollection({
  loader: glob({ pattern: "*/module.zh-cn.json", base: "./content" }),
  schema: z.object({ title: text, summary: text }).strict(),
});

export const collections = { lessons, modules, lessonTranslations, moduleTranslations };
