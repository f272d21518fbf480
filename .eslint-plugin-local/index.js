// The project's own lint rules: the layering of the main-side services, and the classification of
// every package by the side that may use it. test/unit/lint/ proves each one bites.
import { classifiedPackages } from './classified-packages.js';
import { serviceLayers } from './service-layers.js';

export default { rules: { 'service-layers': serviceLayers, 'classified-packages': classifiedPackages } };
