// jest loads global setup outside its module map: resolve the @vl/* aliases from tsconfig here
require('./register-path-aliases');
module.exports = require('./run-global-setup.ts').default;
