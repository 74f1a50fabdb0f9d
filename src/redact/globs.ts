// Glob matching for the files never captured (picomatch): a bundle of its own (dist/globs.js),
// loaded when the exclusion list is first compiled, so that the capture side's bundle stays small.
import picomatch from 'picomatch';

export { picomatch };
