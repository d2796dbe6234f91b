export * from './certificate-pdf';
export * from './certificates-http.module';
export * from './certificates.module';
export * from './certificates.service';
