import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { WORKER_NODE_FLAGS } from '../../tools/start/node-flags';

const ROOT = join(__dirname, '..', '..');
const READY_WITHIN_MS = 60_000;

/**
 * Starts the real worker as a child process with the suite's environment (to kill it with SIGKILL mid-job) and
 * resolves once its processors run. The caller kills what it started (see `killAll`). `compiled`: the worker as
 * `npm run start:worker` runs it, from dist/ (`npm run build:api` first), without the TypeScript compiler the
 * sources need loaded beside it (benchmarks of its memory).
 */
export async function startWorkerProcess(
  children: ChildProcess[],
  options: { compiled?: boolean } = {},
): Promise<ChildProcess> {
  const args = options.compiled
    ? [
        ...WORKER_NODE_FLAGS,
        '-r',
        join(ROOT, 'tools/register-paths.js'),
        join(ROOT, 'dist/apps/worker/src/main.js'),
      ]
    : ['-r', join(ROOT, 'test/support/ts-register.js'), join(ROOT, 'test/support/worker-process.ts')];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    // Compiling and booting the worker takes ~5 s alone, and several times that beside other suites on 2 cores.
    const timer = setTimeout(
      () => reject(new Error(`worker process not ready in ${READY_WITHIN_MS / 1000} s: ${stderr}`)),
      READY_WITHIN_MS,
    );
    child.once('message', (message) => {
      clearTimeout(timer);
      if (message === 'ready') resolve();
      else reject(new Error(`unexpected message from the worker process: ${String(message)}`));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`worker process exited with ${code}: ${stderr}`));
    });
  });
  return child;
}

/** SIGKILL, and resolves once the process is gone. */
export async function killWorkerProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

export function killAll(children: ChildProcess[]): void {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
}
