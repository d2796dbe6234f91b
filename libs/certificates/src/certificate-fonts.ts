import { readFileSync } from 'node:fs';

/** Fonts embedded in certificates, registered under these names; pdfkit subsets each to the glyphs it prints. */
export const FONT = {
  regular: 'NotoSans',
  bold: 'NotoSans-Bold',
  cjkRegular: 'NotoSansSC',
  cjkBold: 'NotoSansSC-Bold',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

/** Resolved through the package, so the path holds from sources under ts-jest and from the compiled dist/ alike. */
const FILES: Record<FontName, string> = {
  [FONT.regular]: '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  [FONT.bold]: '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  [FONT.cjkRegular]: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  [FONT.cjkBold]: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
};

const cache = new Map<FontName, Buffer>();

/**
 * The font file's bytes, read on first use and kept: the CJK files are about 10 MB each, so they are only read once
 * a certificate needs them, and never again per request.
 */
export function fontData(name: FontName): Buffer {
  let data = cache.get(name);
  if (!data) {
    data = readFileSync(require.resolve(FILES[name]));
    cache.set(name, data);
  }
  return data;
}
