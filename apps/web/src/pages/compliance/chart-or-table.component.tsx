import { Box, Stack, Switch } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollRegion } from '../../components/scroll-region.component';

/**
 * A chart, which assistive tech reads as one image named by its summary, and the same numbers as a table: in the
 * page for screen readers (visually hidden) while the chart shows, on screen instead of it when asked.
 */
export function ChartOrTable({
  label,
  summary,
  chart,
  table,
  tableWidth,
}: {
  /** The table's caption, and its scroller's name. */
  label: string;
  /** What the chart shows, in a sentence: its accessible name. */
  summary: string;
  chart: ReactNode;
  table: ReactNode;
  tableWidth: number;
}) {
  const { t } = useTranslation('compliance');
  const [asTable, setAsTable] = useState(false);
  return (
    <Stack gap="sm">
      <Switch
        label={t('showAsTable')}
        checked={asTable}
        onChange={(event) => setAsTable(event.currentTarget.checked)}
      />
      {asTable ? (
        <ScrollRegion label={label} minWidth={tableWidth}>
          {table}
        </ScrollRegion>
      ) : (
        <>
          <Box role="img" aria-label={summary}>
            {chart}
          </Box>
          <div className="visually-hidden">{table}</div>
        </>
      )}
    </Stack>
  );
}
