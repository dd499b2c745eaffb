// Finds every exercise under content/ and its variants, and assembles each
// variant as the learner would have it (starter files, then the variant's
// files over them, then the lesson's tests) in its own folder under
// .tmp/lessons/<variant>/<module>__<lesson>/.

import fs from "node:fs";
import path from "node:path";

/** The fewest variants of each kind an exercise must ship (see AUTHORING.md). */
export const MIN_WRONG = 5;
export const MIN_RIGHT = 2;

/**
 * Every lesson folder with a tests/ directory, as { id, dir }, where id is
 * "<module>/<lesson>". `filter` keeps the ids that contain it.
 */
export function findExercises(contentDir, filter = "") {
  const found = [];
  for (const mod of fs.readdirSync(contentDir).sort()) {
    const modDir = path.join(contentDir, mod);
    if (!fs.statSync(modDir).isDirectory()) continue;
    for (const lesson of fs.readdirSync(modDir).sort()) {
      const dir = path.join(modDir, lesson);
      const id = `${mod}/${lesson}`;
      if (fs.existsSync(path.join(dir, "tests")) && id.includes(filter)) found.push({ id, dir });
    }
  }
  return found;
}

const VARIANT_NAME = /^(wrong|right)-[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The variants of the exercise in `dir`: the reference solution, the starter,
 * and every folder under variants/. Returns { variants, problems }, where each
 * variant is { name, kind: "solution" | "starter" | "wrong" | "right",
 * reason, files: { [name]: absolutePath } } and each problem names the path.
 */
export function readVariants(dir) {
  const problems = [];
  const starter = listFiles(path.join(dir, "starter"));
  const variants = [
    {
      name: "solution",
      kind: "solution",
      reason: "the reference solution",
      files: listFiles(path.join(dir, "solution")),
    },
    { name: "starter", kind: "starter", reason: "the starter", files: {} },
  ];
  const root = path.join(dir, "variants");
  if (!fs.existsSync(root)) return { starter, variants, problems };
  for (const name of fs.readdirSync(root).sort()) {
    const vdir = path.join(root, name);
    if (!fs.statSync(vdir).isDirectory()) {
      problems.push(`${vdir}: only folders named wrong-<name> or right-<name> belong in variants/`);
      continue;
    }
    if (!VARIANT_NAME.test(name)) {
      problems.push(`${vdir}: a variant folder is named wrong-<name> or right-<name> (lower case, dashes)`);
      continue;
    }
    const reasonFile = path.join(vdir, "reason.txt");
    const reason = fs.existsSync(reasonFile) ? fs.readFileSync(reasonFile, "utf8").trim() : "";
    if (reason === "" || reason.includes("\n")) {
      problems.push(
        `${reasonFile}: needs one line saying ${name.startsWith("wrong") ? "the mistake" : "why this style is valid"}`,
      );
    }
    const files = listFiles(vdir);
    if (Object.keys(files).length === 0) problems.push(`${vdir}: holds no .ts file that differs from the starter`);
    for (const file of Object.keys(files)) {
      if (!(file in starter)) problems.push(`${path.join(vdir, file)}: "${file}" is not a file in starter/`);
      else if (fs.readFileSync(files[file], "utf8") === fs.readFileSync(starter[file], "utf8"))
        problems.push(`${path.join(vdir, file)}: is the same as the starter's; keep only files that differ`);
    }
    variants.push({ name, kind: name.startsWith("wrong") ? "wrong" : "right", reason, files });
  }
  return { starter, variants, problems };
}

/** Copies starter + variant files + tests into `target`. */
export function assemble(target, starter, variant, testsDir) {
  fs.mkdirSync(target, { recursive: true });
  const files = { ...starter, ...variant.files, ...listFiles(testsDir) };
  for (const [name, source] of Object.entries(files)) fs.copyFileSync(source, path.join(target, name));
}

/** The .ts files directly in `dir`, as { name: absolutePath }. */
function listFiles(dir) {
  if (!fs.existsSync(dir)) return {};
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((name) => name.endsWith(".ts"))
      .sort()
      .map((name) => [name, path.join(dir, name)]),
  );
}
