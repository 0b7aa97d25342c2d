import { LIBRARY_NAME } from '../src';
test('library name', () => {
  expect(LIBRARY_NAME).toBe('cdk8s-policy-platform');
});
