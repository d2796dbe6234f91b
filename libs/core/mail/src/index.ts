export * from './file-mail.transport';
export * from './mail-kinds';
export * from './mail-locale';
export * from './mail-message';
export * from './mail-renderer.service';
export * from './mail.module';
export * from './smtp-mail.transport';
export * from './templates/layout';
