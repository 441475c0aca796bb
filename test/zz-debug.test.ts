import { expect } from '@open-wc/testing';

describe('dbg', () => {
  it('body', () => {
    expect(undefined).to.equal(document.body);
  });
});
