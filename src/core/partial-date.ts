/** A date as people write it on a resume: YYYY, YYYY-MM or YYYY-MM-DD. */
export const PARTIAL_DATE = /^([12]\d{3})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
