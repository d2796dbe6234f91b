export * from './auth/jwt-auth.guard';
export * from './crypto/password-hasher.service';
export * from './facilitators/facilitators.service';
export * from './identity-http.module';
export * from './identity.module';
export * from './people.service';
export * from './member-changed.event';
