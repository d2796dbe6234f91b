import { cellValue, neutraliseFormula } from './spreadsheet-cell';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("http://evil.test","click")', `'=HYPERLINK("http://evil.test","click")`],
    ['+1', "'+1"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['\tTabbed', "'\tTabbed"],
    ['\rReturned', "'\rReturned"],
    ['=1+1', "'=1+1"],
  ])('puts an apostrophe before a cell that a spreadsheet would read as a formula: %j', (text, shown) => {
    expect(neutraliseFormula(text)).toBe(shown);
  });

  it.each(['Ana María', 'x=1', 'a-b', 'O’Brien', '', ' =not at the start', '1+1', "'quoted"])(
    'leaves text that starts otherwise as it is: %j',
    (text) => {
      expect(neutraliseFormula(text)).toBe(text);
    },
  );
});

describe('cellValue', () => {
  it('keeps numbers (negative ones too) as numbers and empty values as null, and neutralises text', () => {
    expect(cellValue(-2)).toBe(-2);
    expect(cellValue(1.5)).toBe(1.5);
    expect(cellValue(null)).toBeNull();
    expect(cellValue(undefined)).toBeNull();
    expect(cellValue('-2')).toBe("'-2");
  });
});
