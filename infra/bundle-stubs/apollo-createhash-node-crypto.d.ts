/** The stand-in has the package's own signature. */
export { createHash } from '@apollo/utils.createhash';
