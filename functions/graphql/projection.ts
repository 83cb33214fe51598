import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from 'graphql';

/*
 * The caseload row's projection (docs/data-model.md, "Denormalised fields"): a referral item carries what a row shows
 * of its patient, next check-in and activities, kept in step by the care events. A resolver answers from it when the
 * client asked for nothing more than it holds, and reads the real item otherwise. So a caseload page is one Query
 * whatever its size, and a client that asks for more still gets every field it asks for.
 */

/**
 * The names of the fields selected at `path` below the current field (`[]`: the field's own selection;
 * `['edges', 'node']`: a connection's nodes), through fragments and inline fragments. Undefined when the path is not
 * selected at all. Fields under `@include`/`@skip` count as selected: a conservative answer, since more fields only
 * mean the real item is read.
 */
export function selectedFieldsAt(info: GraphQLResolveInfo, path: readonly string[]): Set<string> | undefined {
  let level: readonly SelectionSetNode[] = info.fieldNodes.flatMap((node) =>
    node.selectionSet ? [node.selectionSet] : [],
  );
  for (const name of path) {
    level = fieldsOf(info, level)
      .filter((field) => field.name.value === name)
      .flatMap((field) => (field.selectionSet ? [field.selectionSet] : []));
    if (level.length === 0) return undefined;
  }
  return new Set(fieldsOf(info, level).map((field) => field.name.value));
}

/** True when every field selected at `path` is one the projection holds (`__typename` always is). */
export function projectionCovers(
  info: GraphQLResolveInfo,
  path: readonly string[],
  held: ReadonlySet<string>,
): boolean {
  const selected = selectedFieldsAt(info, path);
  if (!selected) return true;
  return [...selected].every((name) => name === '__typename' || held.has(name));
}

function fieldsOf(info: GraphQLResolveInfo, sets: readonly SelectionSetNode[]): FieldNode[] {
  const fields: FieldNode[] = [];
  const visit = (set: SelectionSetNode, seen: Set<string>) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = info.fragments[selection.name.value];
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  for (const set of sets) visit(set, new Set());
  return fields;
}
