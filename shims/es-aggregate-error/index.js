'use strict';
// Spectral requires es-aggregate-error, whose polyfill returns the native AggregateError on any Node
// with one (15+); the polyfill's fallback pulls in es-abstract and ~90 packages (17 MB) we never run.
module.exports = AggregateError;
