import { composeGreeting } from './activities';

describe('composeGreeting', () => {
  it('greets by name', async () => {
    expect(await composeGreeting('Hello', 'Ada')).toBe('Hello, Ada!');
  });
});
