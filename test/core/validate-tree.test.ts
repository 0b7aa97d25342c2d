import { Construct } from 'constructs';
import { collectProblems, TreeValidationError, validateTree } from '../../src/core/validate-tree';

class Checked extends Construct {
  constructor(scope: Construct, id: string, problems: string[]) {
    super(scope, id);
    this.node.addValidation({ validate: () => problems });
  }
}

test('collects every problem of the subtree, each with its construct path', () => {
  const root = new Construct(undefined as any, '');
  const a = new Checked(root, 'a', ['first']);
  new Checked(a, 'b', ['second', 'a/b: already prefixed']);
  expect(collectProblems(root)).toEqual(['a: first', 'a/b: second', 'a/b: already prefixed']);
});

test('validateTree throws one error listing all problems', () => {
  const root = new Construct(undefined as any, '');
  new Checked(root, 'x', ['bad field']);
  new Checked(root, 'y', ['worse field']);
  expect(() => validateTree(root)).toThrow(TreeValidationError);
  expect(() => validateTree(root)).toThrow('Validation failed with 2 error(s); nothing was written:\n  - x: bad field\n  - y: worse field');
});

test('a valid tree passes', () => {
  const root = new Construct(undefined as any, '');
  new Checked(root, 'ok', []);
  expect(() => validateTree(root)).not.toThrow();
});
