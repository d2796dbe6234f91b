import { createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  // Mantine's default shade 6 puts white text on blue at 3.5:1; shade 8 passes WCAG AA (4.5:1) for text.
  primaryShade: 8,
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

// Mantine's dimmed text (input descriptions, hints) is gray 6: 3.3:1 on white. Gray 7 passes AA; so does red 9
// for field errors (red 6 is 3.3:1).
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
  },
  dark: {},
});
