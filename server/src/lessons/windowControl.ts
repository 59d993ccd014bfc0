/**
 * A sliding window's position option (ch09-01, ch09-02): integer 0 … maxOut² − 1, row by row over the output,
 * with ▶ (`animate`); positions past the current output's last cell wrap around (demoKit.ts windowMasks). Plain
 * metadata (no tfjs), since the socket thread lists lessons.
 */
import { int, type IntegerOption } from '@gradcast/shared';

/** `maxOut`: the largest output side any choice of the lesson gives; `what`: what is done at the cell. */
export function windowControl(maxOut: number, what: string): IntegerOption<'window'> {
  return int('window', {
    label: 'Window position',
    min: 0,
    max: maxOut * maxOut - 1,
    step: 1,
    default: 0,
    help: `The output cell being ${what}, row by row (past the last cell it wraps around to the first)`,
    animate: true,
  });
}
