export * from './excuse-window-opened';
export * from './excuse-window-closed';
export * from './excuses-policies';
export * from './excuse-categories';
