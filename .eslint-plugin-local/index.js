// The project's own lint rules: the layering of the main-side services, the classification of
// every package by the side that may use it, and the renderer's one place for API calls.
// test/unit/lint/ proves each one bites.
import { apiCallsInFlows } from './api-calls-in-flows.js';
import { classifiedPackages } from './classified-packages.js';
import { serviceLayers } from './service-layers.js';

export default {
  rules: {
    'service-layers': serviceLayers,
    'classified-packages': classifiedPackages,
    'api-calls-in-flows': apiCallsInFlows,
  },
};
