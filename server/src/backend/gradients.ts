/**
 * Registers every gradient function with tfjs-core. tfjs-core alone registers none; its ESM file that would
 * (dist/register_all_gradients.js) uses directory imports that Node's ESM loader refuses. The union package
 * @tensorflow/tfjs (which tfjs-node depends on anyway) registers them all from its CommonJS bundle, against
 * the same tfjs-core instance. Import this module for its side effect before computing any gradient.
 */
import '@tensorflow/tfjs';
