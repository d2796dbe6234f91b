import { createTheme } from '@mantine/core';

export const theme = createTheme({
  // Mantine's default shade 6 puts white text on blue at 3.5:1; shade 8 passes WCAG AA (4.5:1) for text.
  primaryShade: 8,
  primaryColor: 'blue',
  defaultRadius: 'sm',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});
