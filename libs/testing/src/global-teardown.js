require('./register-path-aliases');
module.exports = require('./run-global-teardown.ts').default;
