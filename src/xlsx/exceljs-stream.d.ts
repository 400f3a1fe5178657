// ExcelJS's streaming writer by its own path: the CLI's build gives `import ExcelJS from 'exceljs'` a lean object
// without `ExcelJS.stream` (scripts/build-cli.js), so the tally's roll-up loads the writer where it needs it.
declare module 'exceljs/lib/stream/xlsx/workbook-writer.js' {
  import type ExcelJS from 'exceljs';
  const WorkbookWriter: typeof ExcelJS.stream.xlsx.WorkbookWriter;
  export default WorkbookWriter;
}

// How ExcelJS moves a shared formula from its first cell to another (what it reads such a cell back as).
declare module 'exceljs/lib/utils/shared-formula.js' {
  const sharedFormula: { slideFormula(formula: string, fromCell: string, toCell: string): string };
  export default sharedFormula;
}
