/** What a service tells the kit about itself; everything else comes from the environment. */
export interface ServiceDescriptor {
  readonly name: 'voter-roll' | 'turnout' | 'excuses' | 'sanctions' | 'lottery' | 'incentives';
  readonly defaultPort: number;
}

/** Each service owns one PostgreSQL schema named after it. */
export function schemaNameOf(service: ServiceDescriptor['name']): string {
  return service.replace(/-/g, '_');
}
