/**
 * Words a learner reads in a module: prose, lists and tables, without Markdown markup, link targets or the
 * References section (a reviewer does not count a bibliography as reading time).
 */
export function readingWords(markdown: string): number {
  const text = markdown
    .split(/^### References$/m)[0]
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*|>`[\]]/g, ' ');
  return text.split(/\s+/).filter((token) => /[\p{L}\p{N}]/u.test(token)).length;
}
