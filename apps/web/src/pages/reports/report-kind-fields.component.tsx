import { NativeSelect } from '@mantine/core';
import { REPORT_FORMATS, type ReportFormat } from './reports.queries';

interface ReportKindFieldsProps<Type extends string> {
  types: readonly Type[];
  type: Type;
  onTypeChange: (type: Type) => void;
  format: ReportFormat;
  onFormatChange: (format: ReportFormat) => void;
  /** The field labels and option names, from the page's own words. */
  words: {
    type: string;
    format: string;
    typeName: (type: Type) => string;
    formatName: (format: ReportFormat) => string;
  };
}

/** Which report and in which file format: the fields a report request and a report schedule share. */
export function ReportKindFields<Type extends string>({
  types,
  type,
  onTypeChange,
  format,
  onFormatChange,
  words,
}: ReportKindFieldsProps<Type>) {
  return (
    <>
      <NativeSelect
        label={words.type}
        value={type}
        // The options are exactly `types`, so the selected value is one of them.
        onChange={(event) => onTypeChange(event.currentTarget.value as Type)}
        data={types.map((value) => ({ value, label: words.typeName(value) }))}
        w={{ base: '100%', xs: 260 }}
      />
      <NativeSelect
        label={words.format}
        value={format}
        onChange={(event) => onFormatChange(event.currentTarget.value as ReportFormat)}
        data={REPORT_FORMATS.map((value) => ({ value, label: words.formatName(value) }))}
        w={{ base: '100%', xs: 200 }}
      />
    </>
  );
}
