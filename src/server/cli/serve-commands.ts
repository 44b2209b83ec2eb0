// `serve` and `demo` dispatch to serve-command.ts; they keep the process alive. It is loaded
// lazily so `migrate`, `seed`, `account …` do not load the whole HTTP stack (start-up time).
import type { Command } from './command';

type ServeModule = typeof import('../serve-command');

// require (not import()): the compiled output is CommonJS, and import() of an extensionless
// relative path would go through the ESM resolver and fail
const serveModule = (): ServeModule => require('../serve-command') as ServeModule;

export const serveCommand: Command = {
  words: ['serve'],
  synopsis: '',
  summary: 'migrate if needed, then serve',
  flags: {},
  positionals: { min: 0, max: 0 },
  run: ({ config, out }) => serveModule().runServe(config, { json: out.json }),
};

export const demoCommand: Command = {
  words: ['demo'],
  synopsis: '',
  summary: "migrate, create tenant 'demo' with seed data and an ERP key if the database is new, then serve",
  flags: {},
  positionals: { min: 0, max: 0 },
  run: ({ config, out }) => serveModule().runDemo(config, { json: out.json }),
};
