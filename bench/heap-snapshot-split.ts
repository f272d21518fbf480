// Splits a V8 heap snapshot's JS heap into compiled code and everything else. V8 keeps compiling
// (and re-compiling) functions as they get hot for a long time after start, so a heap that grows
// only by code is warming up, while a heap whose objects grow is keeping something.
interface HeapSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
}

/** Bytes of the snapshot's 'code' nodes (bytecode, machine code, feedback) and of the other JS nodes; Blink's native and synthetic nodes are left out. */
export function splitHeapSnapshot(json: string): { codeBytes: number; objectBytes: number } {
  const { snapshot, nodes } = JSON.parse(json) as HeapSnapshot;
  const fields = snapshot.meta.node_fields;
  const typeNames = snapshot.meta.node_types[0];
  const typeAt = fields.indexOf('type');
  const sizeAt = fields.indexOf('self_size');
  let codeBytes = 0;
  let objectBytes = 0;
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = typeNames[nodes[i + typeAt]!];
    if (type === 'code') codeBytes += nodes[i + sizeAt]!;
    else if (type !== 'native' && type !== 'synthetic') objectBytes += nodes[i + sizeAt]!;
  }
  return { codeBytes, objectBytes };
}
