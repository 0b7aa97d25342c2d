'use strict';
// Spectral depends on @scarf/scarf only for its postinstall, which reports every install of a
// package depending on it to scarf.sh (naming this library). Nothing requires it at run time, and
// this stand-in has no install script: the library's users are not tracked.
module.exports = {};
