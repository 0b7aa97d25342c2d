/** Orders shared by the repository's files. Internal module. */
import { ApiObject } from 'cdk8s';

/** Template file name of a non-policy object: `<kind>-<name>` in lowercase. */
export function otherTemplateName(o: ApiObject): string {
  return `${o.kind.toLowerCase()}-${o.metadata.name ?? o.node.id}`;
}
