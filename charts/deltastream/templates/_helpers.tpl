{{/* Common labels of every object. */}}
{{- define "deltastream.labels" -}}
app.kubernetes.io/part-of: deltastream
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component: (dict "root" $ "component" "silo"). */}}
{{- define "deltastream.selector" -}}
app.kubernetes.io/name: deltastream-{{ .component }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "deltastream.secretName" -}}
{{- default (printf "%s-deltastream" .Release.Name) .Values.existingSecret -}}
{{- end -}}

{{/* Image of one component: (dict "root" $ "component" "silo"). */}}
{{- define "deltastream.image" -}}
image: {{ printf "%s/%s:%s" .root.Values.image.repository .component .root.Values.image.tag | quote }}
imagePullPolicy: {{ .root.Values.image.pullPolicy }}
{{- end -}}

{{/* Environment every host shares: configuration from the ConfigMap, connection strings from the Secret. */}}
{{- define "deltastream.env" -}}
envFrom:
  - configMapRef:
      name: {{ .Release.Name }}-deltastream
env:
  - name: ConnectionStrings__Redis
    valueFrom: { secretKeyRef: { name: {{ include "deltastream.secretName" . }}, key: redis } }
  - name: ConnectionStrings__MongoDB
    valueFrom: { secretKeyRef: { name: {{ include "deltastream.secretName" . }}, key: mongodb, optional: true } }
{{- end -}}

{{/* Probes on the health endpoints: live restarts a stuck process, ready (503 only when it cannot serve) routes. */}}
{{- define "deltastream.probes" -}}
startupProbe:
  httpGet: { path: /health/live, port: http }
  periodSeconds: 2
  failureThreshold: 60
livenessProbe:
  httpGet: { path: /health/live, port: http }
  periodSeconds: 10
readinessProbe:
  httpGet: { path: /health/ready, port: http }
  periodSeconds: 5
  timeoutSeconds: 6
{{- end -}}

{{/* Pod-level: the container runtime's default seccomp profile for every container of the pod. */}}
{{- define "deltastream.podSecurityContext" -}}
securityContext:
  runAsNonRoot: true
  seccompProfile: { type: RuntimeDefault }
{{- end -}}

{{- define "deltastream.securityContext" -}}
securityContext:
  runAsNonRoot: true
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  capabilities: { drop: [ALL] }
{{- end -}}
