// The entry of the executable's second thread of a read command: the host
// first (its files and the SQLite addon), the tasks it may be handed by name
// (a bundle has no module to import them from), then the worker of the package.
import './worker-host.js';
import './prefetch-tasks.js';
import '../store/prefetch-worker.js';
