// Functions and Actions of one Schema, keyed by name and binding parameter type so overloads
// bound to different types (and the unbound one) are told apart, as clients call them.
import type { NameResolver } from './name-resolver';
import { typeText, type NOperation, type NParameter } from './normal-model';
import { childrenNamed, firstChild, type XmlNode } from './xml-node';

const parameter = (p: XmlNode, names: NameResolver): NParameter => ({
  name: p.attrs.Name ?? '',
  ...names.typeRef(p.attrs.Type ?? ''),
  nullable: p.attrs.Nullable?.toLowerCase() !== 'false',
});

/** A Function or Action element of namespace `ns`. */
export function operation(el: XmlNode, ns: string, names: NameResolver): NOperation {
  const qname = `${ns}.${el.attrs.Name ?? ''}`;
  const parameters = childrenNamed(el, 'Parameter').map((p) => parameter(p, names));
  const bound = el.attrs.IsBound?.toLowerCase() === 'true';
  const first = bound ? parameters[0] : undefined;
  const binding = first ? { type: first.type, collection: first.collection } : undefined;
  const ret = firstChild(el, 'ReturnType');
  const returnType = ret
    ? { ...names.typeRef(ret.attrs.Type ?? ''), nullable: ret.attrs.Nullable?.toLowerCase() !== 'false' }
    : el.attrs.ReturnType !== undefined ? { ...names.typeRef(el.attrs.ReturnType), nullable: true } : undefined;
  return {
    kind: el.name === 'Action' ? 'Action' : 'Function',
    qname,
    ...(binding ? { binding } : {}),
    parameters: bound ? parameters.slice(1) : parameters,
    ...(returnType ? { returnType } : {}),
    key: `${qname}(${binding ? typeText(binding) : ''})`,
  };
}
