export * from './connection.type';
export * from './page.window';
