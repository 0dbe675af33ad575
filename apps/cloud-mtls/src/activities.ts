/** Activities run in the worker's Node.js process: put I/O and side effects here. */
export async function composeGreeting(greeting: string, name: string): Promise<string> {
  return `${greeting}, ${name}!`;
}
