import { IConstruct } from 'constructs';
import { FileBase, IResolver } from 'projen';

/**
 * A projen-managed file whose content is exactly one SynthFile of the file model: read-only, listed
 * in `.projen/files.json` (so projen deletes it once it is no longer produced) and annotated as
 * generated in `.gitattributes`. The content is not decorated, so both writers write the same bytes.
 * Internal: created by PolicyFiles.
 */
export class ManagedFile extends FileBase {
  private readonly content: string;

  constructor(scope: IConstruct, filePath: string, content: string) {
    super(scope, filePath, { readonly: true, marker: false });
    this.content = content;
  }

  protected synthesizeContent(_resolver: IResolver): string | undefined {
    return this.content;
  }
}
