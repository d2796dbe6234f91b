/**
 * V8 flags of the worker process, wherever it is started: `npm start`, `npm run start:worker`, the Docker image's
 * worker target and the benches' compiled worker (the last three spell them out: keep them equal).
 *
 * Semi-spaces of 4 MB instead of V8's 16 MB: the worker's jobs are small and wait on I/O, and a report's rows are
 * streamed by an export process of its own, so a larger young generation only held garbage. Measured with the
 * compiled worker: idle RSS 145 → 123 MB, its peak (reached while it boots) 163 → 141 MB.
 */
export const WORKER_NODE_FLAGS = ['--max-semi-space-size=4'];
