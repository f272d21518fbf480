// Only renderer/src/flows/ calls the kiosk API: a component takes the API from useKioskApi() and
// hands it to a flow, which turns main's answer into the store's named events. A component that
// called it itself would decide what an answer means in a second place. Passing `api` on is fine;
// reading anything off it (a call, a method taken, a destructured method) is not.

const FLOWS = /(^|[\\/])renderer[\\/]src[\\/]flows[\\/]/;

const isUseKioskApi = (node) =>
  node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'useKioskApi';
const typedKioskApi = (id) =>
  id?.typeAnnotation?.typeAnnotation?.type === 'TSTypeReference' &&
  id.typeAnnotation.typeAnnotation.typeName?.name === 'KioskApi';

export const apiCallsInFlows = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Only renderer/src/flows/ reads methods off the KioskApi (.eslint-plugin-local/api-calls-in-flows.js).',
    },
    schema: [],
    messages: {
      outsideFlows:
        "The kiosk API is called only in renderer/src/flows/: pass '{{name}}' to a flow instead of using '{{name}}.{{method}}' here.",
      destructured:
        'The kiosk API is called only in renderer/src/flows/: pass the API to a flow instead of taking its methods here.',
    },
  },
  create(context) {
    if (FLOWS.test(context.filename)) return {};
    const { sourceCode } = context;
    /** Reports every member read off the variables a node declares. */
    const watch = (declaring, name) => {
      for (const variable of sourceCode.getDeclaredVariables(declaring)) {
        if (name && variable.name !== name) continue;
        for (const reference of variable.references) {
          const parent = reference.identifier.parent;
          if (parent?.type === 'MemberExpression' && parent.object === reference.identifier) {
            const method = parent.property.type === 'Identifier' ? parent.property.name : '[…]';
            context.report({ node: parent, messageId: 'outsideFlows', data: { name: variable.name, method } });
          } else if (
            parent?.type === 'VariableDeclarator' &&
            parent.init === reference.identifier &&
            parent.id.type === 'ObjectPattern'
          ) {
            context.report({ node: parent.id, messageId: 'destructured' });
          }
        }
      }
    };
    const functionParams = (node) => {
      for (const param of node.params) {
        const id = param.type === 'AssignmentPattern' ? param.left : param;
        if (id.type === 'Identifier' && typedKioskApi(id)) watch(node, id.name);
      }
    };
    return {
      VariableDeclarator(node) {
        if (!isUseKioskApi(node.init) && !typedKioskApi(node.id)) return;
        if (node.id.type === 'ObjectPattern') context.report({ node: node.id, messageId: 'destructured' });
        else if (node.id.type === 'Identifier') watch(node, node.id.name);
      },
      MemberExpression(node) {
        if (isUseKioskApi(node.object))
          context.report({
            node,
            messageId: 'outsideFlows',
            data: { name: 'useKioskApi()', method: node.property.name ?? '[…]' },
          });
      },
      FunctionDeclaration: functionParams,
      FunctionExpression: functionParams,
      ArrowFunctionExpression: functionParams,
    };
  },
};
