/**
 * A drawing option's value (LessonOption kind 'drawing', already validated or resolved: base64 of width·height
 * bytes, 0 black … 255 white ink, row-major) as pixels in [0, 1] (byte/255, as MNIST's ToTensor), a Float32Array
 * [height·width]; null for '' ("no drawing").
 */
export function drawingPixels(value: string): Float32Array | null {
  if (value === '') return null;
  const bytes = Buffer.from(value, 'base64');
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = (bytes[i] as number) / 255;
  return out;
}
