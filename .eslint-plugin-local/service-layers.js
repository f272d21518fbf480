// The services under electron/services/ are layered, in the spirit of VS Code's code-layering:
// a module may import its own layer and the layers below it, never one above. A folder that is
// not in the table fails too, so a new room has to be placed in it before it can be used.
import { dirname, relative, resolve, sep } from 'node:path';

/** Bottom to top. Root files of electron/services/ are named by their base name. */
export const SERVICE_LAYERS = [
  // What every room may use: time, secrets, errors, logs, the one door, locks.
  ['clock', 'secret', 'kiosk-error', 'logger', 'dispatcher', 'renderer-files', 'concurrency', 'lifecycle'],
  // Who a person is, how the directory is reached, the audit trail, and the pure rules.
  ['identity', 'directory', 'audit', 'password', 'naming', 'mailbox', 'receipt'],
  // The one directory layer for accounts: the entry and claim schema, every read and write about them.
  ['account-store'],
  ['session'],
  ['ais', 'policies'],
  ['accounts'],
  ['contact'],
  ['health'],
  ['helpdesk'],
  // The composition: the configuration file and the backend that wires every room.
  ['config', 'kiosk-backend', 'kiosk-backend-types'],
];

const SERVICES = ['electron', 'services'];

/** The layer index of a path under electron/services/, undefined when unclassified, null outside. */
export function layerOf(absolutePath, root) {
  const parts = relative(root, absolutePath).split(sep);
  if (parts[0] !== SERVICES[0] || parts[1] !== SERVICES[1] || parts.length < 3) return null;
  const room = parts.length === 3 ? parts[2].replace(/\.[cm]?[jt]sx?$/, '') : parts[2];
  const index = SERVICE_LAYERS.findIndex((layer) => layer.includes(room));
  return index === -1 ? { room, index: undefined } : { room, index };
}

export const serviceLayers = {
  meta: {
    type: 'problem',
    docs: {
      description: 'A service imports only its own layer and those below it (.eslint-plugin-local/service-layers.js).',
    },
    schema: [],
    messages: {
      upward:
        "'{{from}}' (layer {{fromLayer}}) must not import '{{to}}' (layer {{toLayer}}): lower layers never depend on higher ones.",
      unclassified:
        "'{{room}}' is not in the service layer table (.eslint-plugin-local/service-layers.js): place it before using it.",
    },
  },
  create(context) {
    const root = context.cwd;
    const file = context.filename;
    const from = layerOf(file, root);
    if (from === null) return {};
    const check = (node, source) => {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      if (from.index === undefined) {
        context.report({ node, messageId: 'unclassified', data: { room: from.room } });
        return;
      }
      const to = layerOf(resolve(dirname(file), source), root);
      if (to === null) return;
      if (to.index === undefined) context.report({ node, messageId: 'unclassified', data: { room: to.room } });
      else if (to.index > from.index)
        context.report({
          node,
          messageId: 'upward',
          data: { from: from.room, fromLayer: from.index, to: to.room, toLayer: to.index },
        });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
    };
  },
};
