// Under mutation testing a failed property is a killed mutant: stop at the first counterexample
// instead of shrinking it (shrinking reruns the property for minutes and ends as a timeout).
import fc from 'fast-check';

fc.configureGlobal({ ...fc.readConfigureGlobal(), endOnFailure: true });
