import { ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadConfig } from '@beacon/core/config';
import { WORKER_NODE_FLAGS } from './node-flags';
import { prepareDatabase } from './prepare-database';

const root = resolve(__dirname, '..', '..', '..');
const say = (line: string) => console.log(`[start] ${line}`);

function launch(name: string, entry: string, nodeFlags: readonly string[] = []): ChildProcess {
  const child = spawn(
    process.execPath,
    [...nodeFlags, '-r', join(root, 'tools', 'register-paths.js'), join(root, 'dist', entry)],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  child.on('exit', (code, signal) => say(`${name} exited (${signal ?? code})`));
  return child;
}

async function main(): Promise<void> {
  const config = loadConfig();
  await prepareDatabase(config, say);
  const children = [
    launch('api', 'apps/api/src/main.js'),
    launch('worker', 'apps/worker/src/main.js', WORKER_NODE_FLAGS),
  ];
  let stopping = false;
  let failed = false;
  const stop = (reason: string) => {
    if (stopping) return;
    stopping = true;
    say(`stopping (${reason})`);
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  const exits = children.map(
    (child) =>
      new Promise<void>((done) =>
        child.on('exit', (code) => {
          // One process dying takes the other down with it, so a half-running Beacon never looks healthy.
          if (!stopping) {
            failed = true;
            stop(`a process exited with ${code}`);
          }
          done();
        }),
      ),
  );
  await Promise.all(exits);
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
