/** The six services, their ports on a developer machine and their schemas. */
export const SERVICES = [
  { name: 'voter-roll', port: 3001 },
  { name: 'turnout', port: 3002 },
  { name: 'excuses', port: 3003 },
  { name: 'sanctions', port: 3004 },
  { name: 'lottery', port: 3005 },
  { name: 'incentives', port: 3006 },
] as const;

export type ServiceName = (typeof SERVICES)[number]['name'];

export const schemaOf = (service: ServiceName) => service.replace(/-/g, '_');
