export * from './catalog-http.module';
export * from './catalog.module';
export * from './catalog.service';
export type { CourseRow, ModuleRow, QuestionRow } from './course.repository';
export { evenSplit, questionSplit } from './question-split';
