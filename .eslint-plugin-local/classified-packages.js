// Every package a shipped side imports is classified by the sides that may use it, in the spirit
// of Signal's file-suffix rule: a package nobody has classified fails, instead of a hand-kept deny
// list that a new dependency slips past.
import { builtinModules } from 'node:module';

/** Package → the sides that may import it. Tests and tools are not shipped and are not checked. */
export const PACKAGE_SIDES = {
  react: ['renderer'],
  'react-dom': ['renderer'],
  'react-i18next': ['renderer'],
  i18next: ['renderer'],
  zustand: ['renderer'],
  // The result receipt's QR code to the help page (paulmillr/qr: maintained, no dependencies).
  qr: ['renderer'],
  // The meter scores in a renderer Worker; main's policy scores in a worker thread.
  zxcvbn: ['renderer', 'main'],
  zod: ['shared', 'main'],
  ldapts: ['main'],
  nodemailer: ['main'],
  yaml: ['main'],
};

/** Packages the renderer's own tests use; never part of the bundle (vitest runs them). */
const TEST_ONLY = ['vitest', '@testing-library/react', '@testing-library/dom'];

const packageName = (specifier) =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0];

export const classifiedPackages = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Imports only packages classified for this side (.eslint-plugin-local/classified-packages.js).',
    },
    schema: [{ enum: ['renderer', 'shared', 'main'] }],
    messages: {
      unclassified:
        "'{{name}}' is not classified (.eslint-plugin-local/classified-packages.js): say which sides may use it first.",
      wrongSide: "'{{name}}' is classified for {{sides}}, not for the {{side}} side.",
    },
  },
  create(context) {
    const side = context.options[0];
    const isTest = /\.test\.tsx?$/.test(context.filename) || /[\\/]testing[\\/]/.test(context.filename);
    const check = (node, specifier) => {
      if (
        typeof specifier !== 'string' ||
        specifier.startsWith('.') ||
        specifier.startsWith('node:') ||
        builtinModules.includes(specifier)
      )
        return;
      const name = packageName(specifier);
      if (isTest && TEST_ONLY.includes(name)) return;
      const sides = PACKAGE_SIDES[name];
      if (!sides) context.report({ node, messageId: 'unclassified', data: { name } });
      else if (!sides.includes(side))
        context.report({ node, messageId: 'wrongSide', data: { name, sides: sides.join(', '), side } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
