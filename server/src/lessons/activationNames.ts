/** The hidden activations the course compares (ch07-05, ch07-05b, ch08-01), as legends and option help name them. */
export type ComparedActivation = 'sigmoid' | 'tanh' | 'relu';

export const ACTIVATION_NAMES: Record<ComparedActivation, string> = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' };
