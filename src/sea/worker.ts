// The entry of the executable's read worker: the host first, then the worker of the package.
import './worker-host.js';
import '../read/worker.js';
